package org.activelabel.backbone;

/** A backbone could not be opened or run: bad descriptor, missing or unreadable model, runtime failure. */
public class BackboneException extends RuntimeException {

    public BackboneException(String message) {
        super(message);
    }

    public BackboneException(String message, Throwable cause) {
        super(message, cause);
    }
}
