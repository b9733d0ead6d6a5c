/* Labels for database codes. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "core/labels.h"
#include "i18n.h"

struct label {
	const char	*code;
	const char	*text;
};

static const struct label statuses[] = {
	{ "new", N_("new") },
	{ "open", N_("open") },
	{ "pending", N_("pending") },
	{ "on_hold", N_("on hold") },
	{ "solved", N_("solved") },
	{ "closed", N_("closed") },
	{ NULL, NULL }
};

static const struct label priorities[] = {
	{ "urgent", N_("urgent") },
	{ "high", N_("high") },
	{ "normal", N_("normal") },
	{ "low", N_("low") },
	{ NULL, NULL }
};

static const struct label channels[] = {
	{ "email", N_("email") },
	{ "phone", N_("phone") },
	{ "chat", N_("chat") },
	{ "messenger", N_("messenger") },
	{ "social", N_("social") },
	{ "portal", N_("portal") },
	{ "walk-in", N_("walk-in") },
	{ NULL, NULL }
};

static const struct label clocks[] = {
	{ "first_response", N_("first response") },
	{ "next_response", N_("next response") },
	{ "resolution", N_("resolution") },
	{ NULL, NULL }
};

static const char *
label_find(const struct label *table, const char *code)
{
	if (code == NULL)
		return "";
	for (; table->code != NULL; table++)
		if (strcmp(table->code, code) == 0)
			return table->text;
	return code;
}

const char *
label_status(const char *code)
{
	return label_find(statuses, code);
}

const char *
label_priority(const char *code)
{
	return label_find(priorities, code);
}

const char *
label_channel(const char *code)
{
	return label_find(channels, code);
}

const char *
label_clock(const char *code)
{
	return label_find(clocks, code);
}

int
label_priority_rank(const char *code)
{
	for (int i = 0; code != NULL && priorities[i].code != NULL; i++)
		if (strcmp(priorities[i].code, code) == 0)
			return i;
	return 4;
}
