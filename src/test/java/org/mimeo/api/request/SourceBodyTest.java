package org.mimeo.api.request;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mimeo.api.request.Requests.bind;
import static org.mimeo.api.request.Requests.bindingProblem;
import static org.mimeo.api.request.Requests.violations;

class SourceBodyTest {

    @Test
    void anAbsentPasswordIsNotANullOne() {
        SourceBody absent = bind("{\"dataSource\": \"host=h dbname=d\", \"username\": \"u\"}", SourceBody.class);
        assertNull(absent.password());
        assertNull(absent.passwordText());
        SourceBody removed = bind("{\"dataSource\": \"host=h dbname=d\", \"username\": \"u\", \"password\": null}", SourceBody.class);
        assertEquals(new PasswordField(null), removed.password());
        assertNull(removed.passwordText());
        assertEquals("p", bind("{\"dataSource\": \"host=h dbname=d\", \"username\": \"u\", \"password\": \"p\"}", SourceBody.class).passwordText());
        assertEquals("MIMEO002105: Field 'password' must be a string or null",
                bindingProblem("{\"dataSource\": \"host=h dbname=d\", \"username\": \"u\", \"password\": 5}", SourceBody.class, false));
        assertEquals("", violations(absent, false));
    }

    @Test
    void theDataSourceAndUserAreRequiredAndChecked() {
        String both = violations(SourceBody.NONE, false);
        assertTrue(both.contains("Field 'dataSource' is required") && both.contains("Field 'username' is required"), both);
        String refused = violations(bind("{\"dataSource\": \"host=h dbname=d sslfactory=x\", \"username\": \"u\"}", SourceBody.class), false);
        assertTrue(refused.startsWith("MIMEO002105: Field 'dataSource' is refused: ") && refused.contains("'sslfactory'"), refused);
        assertTrue(bindingProblem("{\"dataSource\": \"x\", \"user\": \"u\"}", SourceBody.class, false)
                .equals("MIMEO002102: Unknown field 'user'; allowed fields: dataSource, password, username"));
        assertEquals("MIMEO002105: Field 'batchLimit' must be a positive integer (how many tables to start)",
                violations(bind("{\"type\": \"dml\", \"batchLimit\": 0}", RefreshDueBody.class), false));
    }
}
