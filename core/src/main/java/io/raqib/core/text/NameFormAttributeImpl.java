package io.raqib.core.text;

import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/** The default implementation of {@link NameFormAttribute} (found by Lucene by its name). */
public final class NameFormAttributeImpl extends AttributeImpl implements NameFormAttribute {

    private String form = "";

    @Override
    public String nameForm() {
        return form;
    }

    @Override
    public void setNameForm(String form) {
        this.form = form;
    }

    @Override
    public void clear() {
        form = "";
    }

    @Override
    public void reflectWith(AttributeReflector reflector) {
        reflector.reflect(NameFormAttribute.class, "nameForm", form);
    }

    @Override
    public void copyTo(AttributeImpl target) {
        ((NameFormAttribute) target).setNameForm(form);
    }
}
