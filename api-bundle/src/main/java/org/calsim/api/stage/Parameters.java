package org.calsim.api.stage;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A stage's validated parameters. Numbers come back in SI (the job-file value times
 * {@link Parameter#toSI()}), paths resolved against the job file's folder. Reading a parameter the
 * stage did not declare is a programming error ({@link IllegalArgumentException}).
 */
@ProviderType
public interface Parameters {

    /** @return whether the job file set {@code name} or it has a default */
    boolean isSet(String name);

    /** @return the number in SI units */
    double number(String name);

    /** @return the whole number */
    int integer(String name);

    /** @return the list of numbers, each in SI units (a fresh array) */
    double[] numbers(String name);

    /** @return the text or choice */
    String text(String name);

    /** @return the flag */
    boolean flag(String name);

    /** @return the file, resolved against the job file's folder */
    Path file(String name);

    /** @return the path of the field in the job file, e.g. {@code stages[2].with.fit_csv}, for messages */
    String fieldPath(String name);
}
