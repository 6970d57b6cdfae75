import { createStaticHandler, isRouteErrorResponse } from "react-router";
import { describe, expect, it } from "vitest";
import { BadRequestError, NotFoundError } from "./errors";

/**
 * React Router must see these errors as error responses, not as crashes: a thrown `Error` is sent to
 * the browser as a generic 500 (« Erreur inattendue » once hydrated, and already on the server in
 * production), while an error response keeps its status on both sides.
 */
describe("status errors thrown by a page", () => {
  it.each([
    [new NotFoundError("Dossier"), 404, "Not Found"],
    [new BadRequestError(), 400, "Bad Request"],
  ])("%s becomes a route error response with its status", async (error, status, statusText) => {
    const handler = createStaticHandler([
      {
        id: "page",
        path: "/",
        loader: () => {
          throw error;
        },
      },
    ]);
    const context = await handler.query(new Request("http://localhost/"));
    if (context instanceof Response) throw new Error("expected a render context");
    expect(context.statusCode).toBe(status);
    const rendered = context.errors?.page;
    expect(isRouteErrorResponse(rendered)).toBe(true);
    // Not an Error any more: React Router serializes it as an error response, never sanitized to a 500.
    expect(rendered).not.toBeInstanceOf(Error);
    expect(rendered).toMatchObject({ status, statusText, data: { status } });
  });

  it("stays an Error for the server's own handlers (GraphQL, CLI, uploads)", () => {
    const error = new NotFoundError("Dossier");
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status: 404, message: "Dossier not found", name: "NotFoundError" });
  });
});
