/** Wiring: the configuration, the {@link org.dhakira.server.Archive} composition root and the HTTP server. */
package org.dhakira.server;
