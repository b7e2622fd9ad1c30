// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include "toolcap.h"

const char *toolcap_strerror(enum toolcap_error error)
{
	switch (error) {
	case TOOLCAP_OK: return "success";
	case TOOLCAP_ERR_USAGE: return "invalid argument";
	case TOOLCAP_ERR_NOT_FOUND: return "not found";
	case TOOLCAP_ERR_NOT_EXECUTABLE: return "cannot be executed";
	case TOOLCAP_ERR_TIMED_OUT: return "timed out";
	case TOOLCAP_ERR_SIGNALED: return "killed by a signal";
	case TOOLCAP_ERR_UNRECOGNISED: return "printed no version we recognise";
	case TOOLCAP_ERR_WRONG_FAMILY: return "is not the tool asked for";
	case TOOLCAP_ERR_NO_ENCODING: return "has no kernel version integer";
	case TOOLCAP_ERR_SYSTEM: return "system error";
	case TOOLCAP_ERR_FAILED: return "exited with an error status";
	}
	return "unknown error";
}
