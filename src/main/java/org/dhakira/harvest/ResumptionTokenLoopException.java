package org.dhakira.harvest;

import java.net.URI;

/** The peer sent a resumption token it had sent before in this list: following it would go round for ever. */
public final class ResumptionTokenLoopException extends HarvestException {
    private final ResumptionToken token;
    private final int page;

    ResumptionTokenLoopException(URI request, ResumptionToken token, int page) {
        super(request, "resumption token '" + token + "' came again on page " + page + "; the list loops", null);
        this.token = token;
        this.page = page;
    }

    public ResumptionToken token() {
        return token;
    }

    /** The page (1-based, in this harvest) that repeated it. */
    public int page() {
        return page;
    }
}
