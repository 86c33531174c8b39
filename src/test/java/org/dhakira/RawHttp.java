package org.dhakira;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP written byte for byte on a socket, for requests Java's client will not send (broken escapes, {@code ..}
 * in paths, invalid UTF-8, endless bodies) and for clients that misbehave on purpose.
 */
public final class RawHttp {
    private RawHttp() {}

    /** A response as it came: the status of its first line, and everything as text (head and body). */
    public record Reply(int status, String text) {
        public String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        public java.util.Optional<String> header(String name) {
            int end = text.indexOf("\r\n\r\n");
            for (String line : text.substring(0, end < 0 ? text.length() : end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return java.util.Optional.of(line.substring(colon + 1).trim());
            }
            return java.util.Optional.empty();
        }
    }

    /** Sends {@code head} (Latin-1, each char a byte) then {@code body}, and reads the answer to the end. */
    public static Reply send(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** A GET by HTTP/1.0 of {@code target} exactly as written. */
    public static Reply get(int port, String target, String accept) throws IOException {
        return send(port, "GET " + target + " HTTP/1.0\r\nHost: localhost\r\nAccept: " + accept + "\r\n\r\n", new byte[0]);
    }

    /** A POST by HTTP/1.0 with the body's length given. */
    public static Reply post(int port, String target, String contentType, byte[] body) throws IOException {
        return send(port, "POST " + target + " HTTP/1.0\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\n\r\n", body);
    }

    public static Reply read(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.")) throw new IOException("not an HTTP response: '" + text.substring(0, Math.min(80, text.length())) + "'");
        return new Reply(Integer.parseInt(text.substring(9, 12)), text);
    }
}
