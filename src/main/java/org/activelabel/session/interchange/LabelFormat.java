package org.activelabel.session.interchange;

/** Label files of other tools that a session exports to and imports from. */
public enum LabelFormat {
    /** Label Studio's JSON export of image classification tasks (a Choices control). */
    LABEL_STUDIO,
    /** Hugging Face datasets' imagefolder {@code metadata.jsonl}: {@code file_name} and {@code label} per line. */
    HUGGING_FACE,
    /** COCO's layout (images, categories, annotations), one category per image. */
    COCO
}
