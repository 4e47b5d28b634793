/**
 * The {@code litemesh} command-line client: queries and calls a mesh from a shell, as a
 * stock RSocket client of one node or as a transient member that joins through a shared
 * database or directory.
 */
@NullMarked
package io.litemesh.cli;

import org.jspecify.annotations.NullMarked;
