package org.dhakira.oai;

/** A request the protocol answers with an error element: the code and a message naming the argument at fault. */
public final class OaiException extends Exception {

    private final OaiError code;

    public OaiException(OaiError code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public OaiError code() {
        return code;
    }
}
