/** Name of the hidden field that every state-changing form carries (shared by client and server). */
export const CSRF_FIELD = "_csrf";
