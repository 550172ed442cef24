package org.activelabel.model;

import java.io.IOException;

/** A saved head that is readable but was made for other features (another backbone or dimension). */
public final class IncompatibleHeadException extends IOException {

    public IncompatibleHeadException(String message) {
        super(message);
    }
}
