package org.activelabel.session;

/** A problem with a session's files that the user can see and fix; the message is one line naming the file. */
public class SessionException extends RuntimeException {

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
