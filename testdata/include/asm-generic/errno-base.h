/* mmlock test header: base errno values (same numbers as the kernel). */
#ifndef _ASM_GENERIC_ERRNO_BASE_H
#define _ASM_GENERIC_ERRNO_BASE_H

#define	EPERM		 1
#define	ENOENT		 2
#define	ESRCH		 3
#define	EINTR		 4
#define	EIO		 5
#define	ENXIO		 6
#define	E2BIG		 7
#define	EAGAIN		11
#define	ENOMEM		12
#define	EACCES		13
#define	EFAULT		14
#define	EBUSY		16
#define	EEXIST		17
#define	ENODEV		19
#define	EINVAL		22
#define	ENOSPC		28
#define	ERANGE		34

#endif /* _ASM_GENERIC_ERRNO_BASE_H */
