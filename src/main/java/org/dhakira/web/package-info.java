/** The HTTP resources: thin JAX-RS classes that parse a request, ask the store, and render. */
package org.dhakira.web;
