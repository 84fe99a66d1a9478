package io.mutuality.curriculum;

/** A curriculum file that cannot be used, with the file (and line, where known) at fault. */
public class CurriculumException extends RuntimeException {

    public CurriculumException(String file, Integer line, String problem) {
        super(file + (line == null ? "" : ":" + line) + ": " + problem);
    }
}
