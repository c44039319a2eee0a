-- Sign-in finds a person by email whatever its case. A function around the column (upper(email)) can use no
-- index, so every sign-in read the whole person table; the lower-case form is kept beside the email instead,
-- written with it (Person.emailKey: Java's lower case, Locale.ROOT), and looked up by equality.
-- Not by district: sign-in looks in every district (an email of people in two districts signs no one in).
ALTER TABLE person ADD email_key VARCHAR(254);
UPDATE person SET email_key = LOWER(email);
CREATE INDEX ix_person_email_key ON person (email_key);
-- Nothing looks an email up across districts any more but sign-in, by its key; within a district the unique
-- key (district_id, email) serves. The same statement as V7's, which both databases accept.
DROP INDEX ix_person_email ON person;
