package io.nubis.runtime.internal.userdata;

/**
 * Bounds on user-data processing, so that hostile input (include loops, decompression bombs,
 * huge or countless parts) ends in a finding instead of exhausting memory or time.
 *
 * @param maxIncludeDepth   deepest chain of {@code #include}s
 * @param maxIncludes       most URLs included in one blob (cached include-once hits count)
 * @param maxGunzipBytes    largest output of one gzip decompression
 * @param maxGunzipRatio    largest output/input ratio of a decompression, checked once the output
 *                          is past {@code gunzipRatioFloor}
 * @param gunzipRatioFloor  output size from which the ratio is checked
 * @param maxPartBytes      largest single part (after decoding and decompression)
 * @param maxTotalBytes     largest sum of all parts kept
 * @param maxParts          most parts kept
 * @param maxMimeDepth      deepest nesting of multipart messages
 */
public record UserDataLimits(int maxIncludeDepth, int maxIncludes, long maxGunzipBytes, int maxGunzipRatio,
        long gunzipRatioFloor, long maxPartBytes, long maxTotalBytes, int maxParts, int maxMimeDepth) {

    /**
     * Include depth 10, 50 includes, gunzip to 32 MiB and at most 1000:1 past 1 MiB, parts up to
     * 16 MiB, 64 MiB in all, 1000 parts, multipart nesting 10.
     */
    public static final UserDataLimits DEFAULT = new UserDataLimits(10, 50, 32L << 20, 1000, 1L << 20,
            16L << 20, 64L << 20, 1000, 10);

    /** Checks that every bound is positive. */
    public UserDataLimits {
        if (maxIncludeDepth < 1 || maxIncludes < 0 || maxGunzipBytes < 1 || maxGunzipRatio < 1
                || gunzipRatioFloor < 0 || maxPartBytes < 1 || maxTotalBytes < 1 || maxParts < 1
                || maxMimeDepth < 1) {
            throw new IllegalArgumentException("user-data limits must be positive");
        }
    }
}
