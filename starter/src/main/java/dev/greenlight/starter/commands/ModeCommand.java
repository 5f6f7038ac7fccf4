package dev.greenlight.starter.commands;

import picocli.CommandLine.Command;

/**
 * {@code greenlight mode}: the manual lever on a surface's mode record — read it, or set it to
 * {@code off} or {@code warn} through the same compare-and-set as every other writer.
 */
@Command(
    name = "mode",
    header = "Show or set a surface's validation mode record in Redis.",
    subcommands = {ModeGetCommand.class, ModeSetCommand.class})
public final class ModeCommand extends CommandGroup {}
