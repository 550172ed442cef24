package org.activelabel.session;

/** A session file whose content is wrong (not merely unreadable): the message names the file and the line. */
public class DamagedFileException extends SessionException {

    public DamagedFileException(String message) {
        super(message);
    }
}
