/** The {@code dhakira} command line (picocli): serve, load, export, stats, reindex. */
package org.dhakira.cli;
