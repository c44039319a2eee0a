package org.corridor.problem;

import java.net.URI;

/**
 * Problem type URIs name the kind of refusal; clients switch on them, people read the
 * title and detail.
 */
public final class ProblemTypes {

    private static final String BASE = "https://corridor.org/problems/";

    private ProblemTypes() {
    }

    public static URI uri(String type) {
        return URI.create(BASE + type);
    }

}
