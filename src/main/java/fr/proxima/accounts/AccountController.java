package fr.proxima.accounts;

import java.net.URI;
import java.util.List;
import java.util.Map;

import fr.proxima.accounts.internal.AccountService;
import fr.proxima.accounts.internal.Tokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account: who am I, password, personal API tokens. */
@RestController
@RequestMapping("/api/account")
@Tag(name = "Account", description = "the signed-in user: password and personal API tokens")
class AccountController {

	record Me(Long id, String email, List<String> roles, List<Long> organisations, String authenticatedBy) {
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	record Setup(String token, String password) {
	}

	record TokenRequest(String name, Integer days) {
	}

	private final Permissions permissions;

	private final AccountService accounts;

	AccountController(Permissions permissions, AccountService accounts) {
		this.permissions = permissions;
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(operationId = "me", summary = "The signed-in user, its roles and organisations")
	Me me() {
		Actor a = permissions.requireSignedIn();
		return new Me(a.userId(), a.email(), a.roles().stream().map(Enum::name).sorted().toList(),
				a.organisations().stream().sorted().toList(), a.userId() == null ? "admin-token" : "account");
	}

	/** The CSRF token, for scripts that cannot read the XSRF-TOKEN cookie. */
	@GetMapping("/csrf")
	Map<String, String> csrf(HttpServletRequest request) {
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
	}

	@PostMapping("/password")
	@Operation(operationId = "changePassword", summary = "Change the password (the current one is asked)")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange body) {
		accounts.changePassword(AccountService.requireUser(permissions), body.currentPassword(), body.newPassword());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/setup")
	@Operation(operationId = "setUpAccount", summary = "Choose a password with a one-time setup link")
	Map<String, String> setUp(@RequestBody Setup body) {
		return Map.of("email", accounts.setUp(body.token(), body.password()));
	}

	@GetMapping("/tokens")
	@Operation(operationId = "listTokens", summary = "My personal API tokens (never their secret)")
	List<Tokens.TokenRow> tokens() {
		return accounts.tokens(AccountService.requireUser(permissions).userId());
	}

	@PostMapping("/tokens")
	@Operation(operationId = "createToken",
			summary = "A new personal API token: its secret is shown in this answer only")
	ResponseEntity<AccountService.NewToken> newToken(@RequestBody TokenRequest body) {
		AccountService.NewToken token = accounts.newToken(AccountService.requireUser(permissions), body.name(),
				body.days());
		return ResponseEntity.created(URI.create("/api/account/tokens/" + token.id())).body(token);
	}

	@DeleteMapping("/tokens/{id}")
	@Operation(operationId = "revokeToken", summary = "Revoke one of my tokens")
	ResponseEntity<Void> revoke(@PathVariable long id) {
		accounts.revoke(AccountService.requireUser(permissions), id);
		return ResponseEntity.noContent().build();
	}

}
