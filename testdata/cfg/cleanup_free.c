/* __free(name) from linux/cleanup.h: the cleanup function is __free_name. */
#include <linux/slab.h>

extern int fill(void *p);

int cleanup_free(void)
{
	void *buf __free(kfree) = kmalloc(64, GFP_KERNEL);

	if (!buf)
		return -1;
	return fill(buf);
}
