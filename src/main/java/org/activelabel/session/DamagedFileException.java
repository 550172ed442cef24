package org.activelabel.session;

/** A session file whose content is wrong (not merely unreadable): the message names the file and the line. */
public class DamagedFileException extends SessionException {

    private final String damage;

    public DamagedFileException(String message) {
        this(message, "");
    }

    /** {@code advice} (what a person can do) follows {@code damage} in the message. */
    public DamagedFileException(String damage, String advice) {
        super(damage + advice);
        this.damage = damage;
    }

    /** The message without the advice, for callers that deal with the damage themselves. */
    public String damage() {
        return damage;
    }
}
