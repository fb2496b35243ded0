/** The sink's HTTP endpoints on the process's server: the watch REST API and the live alert console. */
package io.raqib.sink.api;
