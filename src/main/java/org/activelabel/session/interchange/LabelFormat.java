package org.activelabel.session.interchange;

/** Label files of other tools that a session exports to and imports from. */
public enum LabelFormat {
    /** Label Studio's JSON export of image classification tasks (a Choices control). */
    LABEL_STUDIO("Label Studio JSON"),
    /** Hugging Face datasets' imagefolder {@code metadata.jsonl}: {@code file_name} and {@code label} per line. */
    HUGGING_FACE("Hugging Face metadata.jsonl"),
    /** COCO's layout (images, categories, annotations), one category per image. */
    COCO("COCO classification JSON");

    private final String title;

    LabelFormat(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The name the command line uses: labelstudio, huggingface, coco. */
    public String cliName() {
        return name().replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    public static LabelFormat forCliName(String name) {
        for (var format : values()) {
            if (format.cliName().equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("no label format named " + name);
    }
}
