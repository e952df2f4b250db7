/** Exit codes, as diff, grep and csvclean use them: 0 done/valid, 1 the data failed a check, 2 trouble (usage, unreadable input). */
export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_TROUBLE = 2;
