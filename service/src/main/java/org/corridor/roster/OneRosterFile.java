package org.corridor.roster;

/**
 * One file of the set, read against what the district holds, with every problem going to
 * the one report of the import. The files are read in the order their references run (see
 * {@link RosterImport}).
 */
abstract class OneRosterFile {

    final RosterSet set;

    final DistrictRoster roster;

    final RowFields fields;

    final RosterReport.Builder report;

    OneRosterFile(RosterSet set, DistrictRoster roster, RowFields fields, RosterReport.Builder report) {
        this.set = set;
        this.roster = roster;
        this.fields = fields;
        this.report = report;
    }

    /**
     * Reads the file if the set has it; without it, what the district holds stays as it
     * is.
     */
    abstract void read();

}
