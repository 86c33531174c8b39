/** The {@code dhakira} command line (picocli): serve, load, export, stats. */
package org.dhakira.cli;
