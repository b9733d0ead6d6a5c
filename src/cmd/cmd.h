/* The subcommands. Each returns the process exit status; only main exits. */
#ifndef FRONTLINE_CMD_H
#define FRONTLINE_CMD_H

#include <stdbool.h>

/* Exit statuses, as sysexits-minded Unix tools use them. */
#define EXIT_USAGE	2

struct console_opts {
	const char	*conninfo;
	bool		 ascii;		/* the terminal has no UTF-8 */
};

int cmd_console(const struct console_opts *opts);
int cmd_console_main(int argc, char **argv, bool ascii);
int cmd_demo(int argc, char **argv, bool ascii);
int cmd_db(int argc, char **argv);
int cmd_rating(int argc, char **argv);
int cmd_survey(int argc, char **argv);
int cmd_stats(int argc, char **argv);

/* Prints "frontline: " and the message to stderr. */
void cmd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
