/**
 * User-data, vendor-data and vendor-data2 processing: {@link io.nubis.runtime.internal.userdata.UserDataProcessor}
 * turns a raw blob into {@link io.nubis.runtime.internal.userdata.ProcessedUserData} (parts for
 * {@code user-data.txt.i}, cloud-config documents for the merger, scripts, boothooks, findings),
 * {@link io.nubis.runtime.internal.userdata.ProcessedMimeWriter} writes {@code user-data.txt.i},
 * {@link io.nubis.runtime.internal.userdata.VendorDataPolicy} applies {@code allow_userdata} and
 * {@code vendor_data}/{@code vendor_data2}.
 *
 * <p>Where Nubis deliberately differs from cloud-init (each checked against its
 * {@code user_data.py}, {@code handlers/*}, {@code templater.py}):
 * <ul>
 * <li>Failures are findings naming the part, and the other parts are still used. The reference
 * aborts the whole consume step on include and decompression errors
 * ({@code ERROR_ON_USER_DATA_FAILURE}); {@code ProcessedUserData.hasErrors()} lets the caller do
 * the same.</li>
 * <li>Gzip data that cannot be decompressed is an error; the reference quietly treats it as
 * text and then warns that it is unhandled.</li>
 * <li>Hostile input is bounded ({@link io.nubis.runtime.internal.userdata.UserDataLimits}):
 * include depth, count and loops, decompressed size and ratio, part and total size, part count,
 * multipart nesting, YAML aliases and depth. The reference has none of these.</li>
 * <li>Empty or blank user-data gives no part (the reference keeps one empty part).</li>
 * <li>In an include list, a line whose first non-blank character is {@code #} is a comment (the
 * reference fetches an indented comment as a URL). A line without a scheme is an error; an
 * absolute path is a {@code file:} URL, as in the reference.</li>
 * <li>A cloud-config or template part that is not UTF-8 is left out with an error, as the reference
 * does; scripts and
 * boothooks keep their bytes.</li>
 * <li>A boothook's {@code #cloud-boothook} marker is removed after leading blanks and in any
 * case (the reference only removes it, case-sensitively, at the very start).</li>
 * <li>{@code Merge-Type}/{@code X-Merge-Type} are found in any case.</li>
 * <li>A MIME message whose boundary never occurs, or a multipart without boundary, is an error
 * (the reference yields nothing, silently); an undecodable base64 part is an error.</li>
 * <li>Script and boothook names are cleaned as in the reference; an unusable result
 * ({@code ..}) becomes {@code part-NNN}, and a name used twice is a warning.</li>
 * <li>Template variables decode the {@code base64_encoded_keys} values (the reference reads a
 * key that never exists, quirk 7). Templates render with Jinjava (see {@code io.nubis.jinja}),
 * which has Jinja's syntax, filters and tests; the Python {@code str} methods templates call
 * ({@code startswith}, {@code endswith}, {@code split}, {@code strip}/{@code lstrip}/{@code rstrip},
 * {@code lower}, {@code upper}, {@code title}, {@code capitalize}, {@code replace},
 * {@code count}, {@code find}, {@code join}, {@code isdigit}) are added with Python's results;
 * other Python methods fail the part ({@code Cannot find method ...}).</li>
 * <li>URLs in findings have their credentials and query hidden.</li>
 * <li>{@code user-data.txt.i}: reproducible boundary, decoded payloads (base64 only for
 * non-UTF-8 or CR-carrying content), a {@code Content-Disposition} on every part.</li>
 * <li>A {@code #part-handler} is kept and reported, never run: Nubis does not run Python.</li>
 * </ul>
 * Reproduced on purpose: type sniffing only for {@code text/plain}, {@code text/x-not-multipart}
 * and {@code text/x-shellscript}; archive entries attached as they are (an include or gzip entry
 * in an archive is not expanded); {@code part-00N} names; launch-index filtering only for
 * consumption; CRLF to LF in scripts; vendor scripts using {@code vendor_data.prefix} for both
 * vendor blobs; {@code disabled_handlers} as content types.
 */
package io.nubis.runtime.internal.userdata;
