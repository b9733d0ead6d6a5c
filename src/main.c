/* frontline: a terminal console for customer support. main() sets up the
 * locale and hands over to a subcommand; it is the only place that exits. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "tui/tui.h"

void
cmd_warn(const char *fmt, ...)
{
	va_list ap;

	fputs("frontline: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
usage(FILE *f)
{
	fprintf(f, "%s", _(
	    "usage: frontline [COMMAND] [OPTIONS]\n"
	    "\n"
	    "Commands:\n"
	    "  console [-d CONNINFO]   the agent console (the default)\n"
	    "  demo [--supervisor] [--agent ROLE] [--setup] [--stop] "
	    "[--reset]\n"
	    "                          a private demo database with live "
	    "traffic, then the console;\n"
	    "                          --setup only prints its connection "
	    "string\n"
	    "  db migrate [-d CONNINFO]  apply the schema migrations\n"
	    "  db status [-d CONNINFO]   list applied and pending migrations\n"
	    "  rating import [-d CONNINFO] [FILE | -]\n"
	    "                          import customers' ratings, one JSON "
	    "object a line\n"
	    "  survey show [-d CONNINFO]\n"
	    "                          how often customers are asked to rate\n"
	    "  survey set [-d CONNINFO] [--channel CHANNEL] [--every N]\n"
	    "             [--min-days DAYS] [--csat on|off] [--nps on|off]\n"
	    "                          change that, for all or one channel "
	    "(admins)\n"
	    "  stats [-d CONNINFO] [--json | --csv] [--from TIME] [--to TIME]\n"
	    "        [--queue NAME] [--agent ROLE]\n"
	    "                          ticket, SLA, CSAT and NPS figures of a "
	    "period\n"
	    "  keys                    list the console's key bindings\n"
	    "\n"
	    "Options:\n"
	    "  -d, --dbname CONNINFO   a libpq connection string or URI; "
	    "otherwise the\n"
	    "                          PG* environment variables and "
	    "~/.pg_service.conf apply\n"
	    "  -h, --help              show this help\n"
	    "  -V, --version           show the version\n"
	    "\n"
	    "Inside the console, press ? for the keys. See frontline(1).\n"));
}

int
main(int argc, char **argv)
{
	const char *cmd, *localedir;
	bool ascii;

	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	localedir = getenv("FRONTLINE_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#else
	(void)localedir;
#endif
	ascii = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
#ifdef ENABLE_NLS
	/* Without UTF-8 the catalogs' Cyrillic and Polish cannot be shown. */
	if (ascii)
		bind_textdomain_codeset(PACKAGE, "ASCII//TRANSLIT");
#endif

	cmd = argc > 1 ? argv[1] : "console";
	/* Options alone mean the console: `frontline -d CONNINFO`. */
	if (strcmp(cmd, "-d") == 0 || strncmp(cmd, "--dbname", 8) == 0 ||
	    (cmd[0] == '-' && cmd[1] == 'd' && cmd[2] != '\0'))
		return cmd_console_main(argc, argv, ascii);
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
	    strcmp(cmd, "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		printf("frontline %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (strcmp(cmd, "console") == 0)
		return cmd_console_main(argc - (argc > 1), argv + (argc > 1),
		    ascii);
	if (strcmp(cmd, "demo") == 0)
		return cmd_demo(argc - 1, argv + 1, ascii);
	if (strcmp(cmd, "db") == 0)
		return cmd_db(argc - 1, argv + 1);
	if (strcmp(cmd, "rating") == 0)
		return cmd_rating(argc - 1, argv + 1);
	if (strcmp(cmd, "survey") == 0)
		return cmd_survey(argc - 1, argv + 1);
	if (strcmp(cmd, "stats") == 0)
		return cmd_stats(argc - 1, argv + 1);
	if (strcmp(cmd, "keys") == 0) {
		tui_print_keys();
		return 0;
	}
	cmd_warn(_("unknown command \"%s\""), cmd);
	usage(stderr);
	return EXIT_USAGE;
}
