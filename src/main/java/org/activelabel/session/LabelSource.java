package org.activelabel.session;

/** Who gave a label: a person, or the model (self-training). Model labels are never shown as human ones. */
public enum LabelSource { HUMAN, MODEL }
