/* `frontline db migrate|status`: the schema, versioned. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "db/migrate.h"
#include "i18n.h"
#include "paths.h"
#include "xmalloc.h"

static void
db_usage(void)
{
	fprintf(stderr, "%s", _("usage: frontline db migrate|status "
	    "[-d CONNINFO]\n"));
}

int
cmd_db(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dbname", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	const char *conninfo = "", *what;
	char *sqldir, *cause = NULL;
	int c, n;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			conninfo = optarg;
			break;
		default:
			db_usage();
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		db_usage();
		return EXIT_USAGE;
	}
	what = argv[optind];
	xasprintf(&sqldir, "%s/sql", paths_share_dir());
	if (strcmp(what, "migrate") == 0) {
		n = migrate_apply(conninfo, sqldir, stdout, &cause);
		if (n == 0)
			printf("%s\n", _("the schema is up to date"));
	} else if (strcmp(what, "status") == 0)
		n = migrate_status(conninfo, sqldir, stdout, &cause);
	else {
		free(sqldir);
		db_usage();
		return EXIT_USAGE;
	}
	free(sqldir);
	if (n == -1) {
		cmd_warn("%s", cause != NULL ? cause : _("failed"));
		free(cause);
		return 1;
	}
	return 0;
}
