package org.dhakira.web;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The write API's door keeper: a request for anything under {@code /api/} without a token of {@link ApiTokens}
 * ({@code Authorization: Bearer …}) is answered 401 with {@code WWW-Authenticate: Bearer} before anything else
 * looks at it — before its body is read, and before the resource is even chosen, so no path under {@code /api/}
 * escapes it. The token's name goes with the request as {@link #HOLDER}, for the resource and the log.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class ApiAuthentication implements ContainerRequestFilter {

    /** The request property naming the token's holder. */
    public static final String HOLDER = "dhakira.api.holder";

    private final ApiTokens tokens;

    public ApiAuthentication(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true).replaceFirst("^/+", "");
        if (!(path.equals("api") || path.startsWith("api/"))) return;
        if (request.getMethod().equals("OPTIONS")) return; // a CORS preflight carries no credentials, and changes nothing
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            request.abortWith(refusal("Bearer realm=\"dhakira\"", "The write API needs a token: send 'Authorization: Bearer TOKEN'."));
            return;
        }
        String[] parts = header.strip().split("\\s+", 2);
        Optional<String> holder = parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") ? tokens.holder(parts[1].strip()) : Optional.empty();
        if (holder.isEmpty()) {
            request.abortWith(refusal("Bearer realm=\"dhakira\", error=\"invalid_token\"",
                    "The token is not one of this archive's (or it was revoked)."));
            return;
        }
        request.setProperty(HOLDER, holder.get());
    }

    private static Response refusal(String challenge, String message) {
        // Close the connection: the body the client may be sending is not read.
        return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .header("Connection", "close").type("text/plain;charset=utf-8").entity(message + "\n").build();
    }
}
