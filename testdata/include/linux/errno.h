/* mmlock test header: errno values (kernel numbering). */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <asm-generic/errno-base.h>

#define EWOULDBLOCK	EAGAIN
#define ENOTSUPP	524
#define EHWPOISON	133
#define ERESTARTSYS	512

#endif /* _LINUX_ERRNO_H */
