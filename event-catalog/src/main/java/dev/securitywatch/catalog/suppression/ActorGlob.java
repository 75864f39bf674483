package dev.securitywatch.catalog.suppression;

import java.util.regex.Pattern;

/**
 * An actor ARN pattern in which {@code *} stands for any characters within one ARN part: never a {@code :} or a
 * {@code /}. So {@code arn:aws:sts::*:assumed-role/terraform} matches the role {@code terraform} in every account, and
 * a {@code *} cannot be stretched over another part to match a look-alike.
 */
public final class ActorGlob {
    private static final Pattern SHAPE = Pattern.compile("arn:[a-z*-]+:(iam|sts|\\*):\\S*");

    private final String glob;
    private final Pattern regex;

    public ActorGlob(String glob) {
        if (glob == null || !SHAPE.matcher(glob).matches()) {
            throw new IllegalArgumentException("expected an IAM or STS ARN, optionally with *, such as"
                    + " arn:aws:sts::111111111111:assumed-role/terraform, got \"" + glob + "\"");
        }
        this.glob = glob;
        StringBuilder pattern = new StringBuilder();
        String[] literals = glob.split("\\*", -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                pattern.append("[^:/]*");
            }
            pattern.append(Pattern.quote(literals[i]));
        }
        this.regex = Pattern.compile(pattern.toString());
    }

    public boolean matches(String actor) {
        return regex.matcher(actor).matches();
    }

    public String glob() {
        return glob;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActorGlob that && glob.equals(that.glob);
    }

    @Override
    public int hashCode() {
        return glob.hashCode();
    }

    @Override
    public String toString() {
        return glob;
    }
}
