/**
 * The HTTP resources: thin JAX-RS classes that parse a request, ask the store, and render; and, for the most asked
 * of them, the descriptions at {@code /doc/…}, a Jetty handler in front of Jersey ({@link org.dhakira.web.DescriptionDoor})
 * that answers them from the same core ({@link org.dhakira.web.DescriptionAnswers}) without Jersey's cost.
 */
package org.dhakira.web;
