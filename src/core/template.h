/* Canned replies: {{placeholders}} filled from the ticket at hand. */
#ifndef FRONTLINE_TEMPLATE_H
#define FRONTLINE_TEMPLATE_H

struct template_var {
	const char	*name;		/* e.g. "customer.name" */
	const char	*value;
};

/* Expands every {{ name }} in text (spaces inside the braces allowed) from
 * vars (ended by a NULL name). An unknown placeholder is kept as it is, so
 * the agent sees what is missing before sending. Returns a new string the
 * caller frees. */
char *template_expand(const char *text, const struct template_var *vars);

/* The first unknown placeholder left in text, or NULL; caller frees. */
char *template_unknown(const char *text, const struct template_var *vars);

#endif
