/* && and || short-circuit: in conditions as branches, as values through a temporary. */
extern int a(void);
extern int b(void);
extern void yes(void);
extern void no(void);

void logical_cond(int x, int y)
{
	if (x && y)
		yes();
	if (x || a())
		yes();
	else
		no();
	if ((x && y) || !b())
		yes();
}

int logical_value(int x)
{
	int v = x && a();
	int w = x || b();

	return v + w;
}
