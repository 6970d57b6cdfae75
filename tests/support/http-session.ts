/**
 * A cookie-keeping HTTP client that behaves like a browser without JavaScript: it GETs pages, reads
 * the CSRF field from the last page, and POSTs urlencoded forms. Redirects are not followed, so
 * tests can assert them.
 */
export class HttpSession {
  private cookies = new Map<string, string>();
  lastHtml = "";

  constructor(readonly baseUrl: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keepCookies(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair?.indexOf("=") ?? -1;
      if (!pair || i < 0) continue;
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (/Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), { headers: { cookie: this.cookieHeader() }, redirect: "manual" });
    this.keepCookies(response);
    if ((response.headers.get("content-type") ?? "").includes("text/html")) this.lastHtml = await response.clone().text();
    return response;
  }

  /** The CSRF token of the last page fetched (every page has one in the header forms). */
  csrf(): string {
    const match = this.lastHtml.match(/name="_csrf" value="([^"]+)"/);
    if (!match?.[1]) throw new Error("no CSRF field on the last page");
    return match[1];
  }

  async post(path: string, fields: Record<string, string | string[]>, options: { csrf?: string | null } = {}) {
    const body = new URLSearchParams();
    const csrf = options.csrf === undefined ? this.csrf() : options.csrf;
    if (csrf !== null) body.append("_csrf", csrf);
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });
    this.keepCookies(response);
    if ((response.headers.get("content-type") ?? "").includes("text/html")) this.lastHtml = await response.clone().text();
    return response;
  }

  /**
   * POSTs a multipart form (file inputs included), as a browser does for `encType="multipart/form-data"`.
   * The CSRF field is added first unless `csrf: null`.
   */
  async postFormData(path: string, fields: FormData, options: { csrf?: string | null; headers?: Record<string, string> } = {}) {
    const body = new FormData();
    const csrf = options.csrf === undefined ? this.csrf() : options.csrf;
    if (csrf !== null) body.append("_csrf", csrf);
    for (const [name, value] of fields) body.append(name, value);
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      headers: { cookie: this.cookieHeader(), ...options.headers },
      body,
      redirect: "manual",
    });
    this.keepCookies(response);
    if ((response.headers.get("content-type") ?? "").includes("text/html")) this.lastHtml = await response.clone().text();
    return response;
  }

  /**
   * Signs in through the real form, then follows the redirect as a browser does: the CSRF token is
   * bound to the session, so the page reached holds the token the next forms need.
   */
  async signIn(email: string, password: string) {
    await this.get("/users/sign_in");
    const response = await this.post("/users/sign_in", { email, password });
    if (response.status !== 302 && response.status !== 303) {
      throw new Error(`sign-in failed for ${email}: HTTP ${response.status}`);
    }
    const location = response.headers.get("location");
    if (location) await this.get(location);
    return response;
  }
}
