/**
 * Matching an article against the watches: the article as a Lucene document, the compiled term-indexed matcher
 * (with Lucene Monitor as the reference), and the highlights that show why a watch matched.
 */
package io.raqib.sink.matching;
