/*
 * return VAR where VAR has a cleanup: the value is read before the cleanups
 * run (the cleanup gets &VAR and may change it), so it is kept in a temporary
 * like the value of a statement expression.
 */
extern void release(int *p);
extern int get(void);

int cleanup_return_value(void)
{
	int a __attribute__((cleanup(release))) = get();

	return a;
}
