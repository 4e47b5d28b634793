/**
 * Codecs: JSON payloads through the application's Jackson mapper, the binary envelope
 * that relays read, and error frames.
 */
@NullMarked
package io.litemesh.codec;

import org.jspecify.annotations.NullMarked;
