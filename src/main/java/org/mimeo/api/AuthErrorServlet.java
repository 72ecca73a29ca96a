package org.mimeo.api;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mimeo.error.Failure;
import org.mimeo.internal.MimeoMessages;

/**
 * The error page of web.xml for 401 and 403 answers the container writes itself (no or wrong
 * credentials, before any REST resource runs): the body in the contract's shape. The container's
 * WWW-Authenticate challenge header stays on the answer.
 */
@WebServlet("/auth-error")
public class AuthErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        boolean forbidden = code instanceof Integer status && status == Failure.FORBIDDEN.status();
        Failure failure = forbidden ? Failure.FORBIDDEN : Failure.UNAUTHORIZED;
        String message = forbidden ? MimeoMessages.MSG.forbiddenPath() : MimeoMessages.MSG.loginNeeded();
        response.setStatus(failure.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("error", failure.code()).add("message", message).build().toString());
    }
}
