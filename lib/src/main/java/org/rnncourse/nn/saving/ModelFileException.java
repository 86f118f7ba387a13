package org.rnncourse.nn.saving;

/**
 * A model or weights file that cannot be saved or loaded: missing, truncated, corrupt, written by
 * something else, or holding weights of another architecture. The message names the file and what
 * does not match (which layer, which weight, which shape). When loading fails, the model in memory
 * is left exactly as it was.
 */
public class ModelFileException extends RuntimeException {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
