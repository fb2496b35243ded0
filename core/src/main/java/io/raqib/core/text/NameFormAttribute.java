package io.raqib.core.text;

import org.apache.lucene.util.Attribute;

/**
 * A token's form for name matching, carried beside its stemmed term ({@link RaqibAnalyzer#withNameForms()}), so
 * one pass of the analyzer gives both: the term normalized, clitics peeled, English possessive dropped, not stemmed.
 */
public interface NameFormAttribute extends Attribute {

    /** The name form of the current token. */
    String nameForm();

    /** Sets the name form of the current token. */
    void setNameForm(String form);
}
