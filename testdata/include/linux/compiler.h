/* mmlock test header: branch hints and once-accessors (kernel-shaped). */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/compiler_types.h>

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define barrier()	__asm__ __volatile__("" : : : "memory")

#define READ_ONCE(x)	(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val)					\
do {								\
	*(volatile typeof(x) *)&(x) = (val);			\
} while (0)

#define data_race(expr)	({ typeof(expr) __v = (expr); __v; })

#endif /* _LINUX_COMPILER_H */
