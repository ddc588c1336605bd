/* likely()/unlikely() are transparent: the branch is on the inner condition. */
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

extern int get(void);
extern void use(int v);

int likely_unlikely(int *p, int x)
{
	if (unlikely(!p))
		return -1;
	if (likely(x > 0 && get()))
		use(x);
	return likely(x);
}
