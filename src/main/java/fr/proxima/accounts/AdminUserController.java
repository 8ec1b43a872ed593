package fr.proxima.accounts;

import java.net.URI;
import java.util.List;

import fr.proxima.accounts.internal.AccountService;
import fr.proxima.accounts.internal.Tokens;
import fr.proxima.accounts.internal.Users;
import fr.proxima.shared.ApiSettings;
import fr.proxima.shared.NotFoundException;
import fr.proxima.shared.Paging;
import fr.proxima.shared.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API on users (admin role: an admin's session or token, or the admin token):
 * invite, assign roles and organisations, disable, revoke tokens.
 */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Admin: users", description = "invite users, assign roles and organisations, disable, revoke tokens")
class AdminUserController {

	record Invite(String email, String displayName, List<String> roles, List<Long> organisations) {
	}

	record Change(String displayName, List<String> roles, List<Long> organisations, Boolean enabled) {
	}

	private final AccountService accounts;

	private final Users users;

	private final Permissions permissions;

	private final ApiSettings settings;

	AdminUserController(AccountService accounts, Users users, Permissions permissions, ApiSettings settings) {
		this.accounts = accounts;
		this.users = users;
		this.permissions = permissions;
		this.settings = settings;
	}

	@GetMapping
	@Operation(operationId = "listUsers", summary = "Users by e-mail, with their roles and organisations (page)")
	ResultPage<Users.UserRow> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
		Paging paging = Paging.of(limit, offset, settings);
		return ResultPage.of(users.page(q, paging.limit(), paging.offset()), users.count(q), paging).linked();
	}

	@GetMapping("/{id}")
	Users.UserRow get(@PathVariable long id) {
		return users.row(id).orElseThrow(() -> new NotFoundException("Unknown user " + id));
	}

	@PostMapping
	@Operation(operationId = "inviteUser",
			summary = "Invite a user: the answer holds a one-time setup link to send them (shown once)")
	ResponseEntity<AccountService.Invitation> invite(@RequestBody Invite body) {
		AccountService.Invitation i = accounts.invite(body.email(), body.displayName(), body.roles(),
				body.organisations());
		return ResponseEntity.created(URI.create("/api/admin/users/" + i.user().id())).body(i);
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "changeUser",
			summary = "Change roles, organisations, name or enabled; a disabled user is refused at once")
	Users.UserRow change(@PathVariable long id, @RequestBody Change body) {
		return accounts.update(id, body.displayName(), body.roles(), body.organisations(), body.enabled());
	}

	@PostMapping("/{id}/setup-link")
	@Operation(operationId = "newSetupLink", summary = "A new one-time link for the user to choose a password")
	AccountService.Invitation setupLink(@PathVariable long id) {
		return accounts.newSetupLink(id);
	}

	@GetMapping("/{id}/tokens")
	List<Tokens.TokenRow> tokens(@PathVariable long id) {
		get(id);
		return accounts.tokens(id);
	}

	@DeleteMapping("/{id}/tokens/{tokenId}")
	@Operation(operationId = "revokeUserToken", summary = "Revoke a user's token")
	ResponseEntity<Void> revoke(@PathVariable long id, @PathVariable long tokenId) {
		get(id);
		accounts.revoke(permissions.current(), tokenId);
		return ResponseEntity.noContent().build();
	}

}
